/**
 * The answers a domain rule gives, whatever the channel: something does not exist, a rule refused a
 * command, access was refused. Pages and the API translate them (common.web); modules throw them
 * without knowing about the web.
 */
package org.samenkracht.common.domain;
