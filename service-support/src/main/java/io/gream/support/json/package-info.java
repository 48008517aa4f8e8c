/** The strict reading of request bodies every Gream HTTP service shares; a service opts in with {@code @Import}. */
package io.gream.support.json;
