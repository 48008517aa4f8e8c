/** HTTP concerns shared by the notifier's endpoints. */
package io.gream.notifier.web;
