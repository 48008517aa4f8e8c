/**
 * What every Gream HTTP service answers alike, below Spring MVC: errors the servlet container raises itself are
 * problem documents too.
 */
package io.gream.web;
