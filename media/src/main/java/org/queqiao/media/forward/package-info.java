/**
 * The forwarding pipeline as small stages the router strings together (see {@code media/README.md} for
 * the order).
 *
 * <p>Every stage is built for the hot path: preallocated arrays and ring buffers sized at construction,
 * primitive maps, no allocation, boxing, iterators or logging per packet. Time is always an argument
 * ({@code nowMillis} or {@code nowNanos}) so tests control the clock.
 *
 * <p>Threading: a stage instance is confined to one thread at a time, normally the socket reader thread
 * that owns the stream. Configuration methods (adding streams, mappings) must run on that thread too, or
 * be handed to it; nothing here synchronizes.
 */
package org.queqiao.media.forward;
