/**
 * The customer-service desk (ADR 0010): visitors talk to the bot, then to agents chosen by the router;
 * conversations live on the messaging log as conversations of kind {@code desk}.
 */
package org.queqiao.desk;
