/**
 * Team messaging: conversations on the organisation directory, messages numbered gap-free per
 * conversation inside the transaction that stores them, read state, urgent notices and compliance.
 * Framework-free: storage sits behind the interfaces in {@code store}, transport lives at the edge.
 */
package org.queqiao.messaging;
