/** Tests of the web UI: each page's access rules and CSRF refusals through MockMvc, and one journey in a real Chromium. */
package org.imarchive.gateway.ui;
