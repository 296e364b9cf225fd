/**
 * The audit trail: who searched, viewed, exported, changed or was refused what, when and from where, appended to
 * its own hash chain so that no entry can be changed or removed unnoticed.
 */
package org.imarchive.archive.audit;
