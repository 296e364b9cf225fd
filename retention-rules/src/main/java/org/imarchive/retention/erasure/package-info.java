/**
 * GDPR Art. 17 erasure requests: which of a data subject's records may be erased, and for each one kept, the
 * exemption that keeps it (a retention duty under Art. 17(3)(b), a legal hold under Art. 17(3)(e)).
 */
package org.imarchive.retention.erasure;
