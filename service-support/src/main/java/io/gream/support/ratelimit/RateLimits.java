package io.gream.support.ratelimit;

import java.time.Duration;
import java.util.Optional;

/** Allowances by key (a user, or a client address): in this replica's memory, or shared by every replica. */
interface RateLimits {

    /** Takes one permit for {@code key}: empty if granted, otherwise how long until the next one. */
    Optional<Duration> acquire(String key);
}
