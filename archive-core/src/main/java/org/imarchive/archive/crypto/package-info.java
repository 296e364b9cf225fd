/**
 * Encryption at rest with crypto-shredding (ADR 0014): content sealed with AES-256-GCM under per-message and per-blob
 * data keys, each wrapped by the master key; destroying a data key makes every copy of its content unreadable.
 */
package org.imarchive.archive.crypto;
