/** What the load consists of: which auctions the bids go to, and bid amounts of which a realistic share wins. */
package io.gream.perf.workload;
