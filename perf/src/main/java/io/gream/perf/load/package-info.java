/**
 * How a phase drives the load, on load-support's open loop: as fast as the system keeps up or at a fixed rate, how
 * long and how big the phases are, what the generator itself cost, and the progress line printed meanwhile.
 */
package io.gream.perf.load;
