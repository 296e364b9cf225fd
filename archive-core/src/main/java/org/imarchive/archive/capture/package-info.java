/**
 * The capture journal: every platform payload, byte for byte, made durable before the platform is answered.
 * Everything the archive holds is derived from it and can be derived again by replaying it.
 */
package org.imarchive.archive.capture;
