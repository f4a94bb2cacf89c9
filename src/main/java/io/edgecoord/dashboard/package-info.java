/**
 * Dashboard: the live figures behind the web console served at {@code /} (its files are in
 * {@code static/}), a last hour of samples of the coordinator's own meters, and the server-sent
 * event streams that feed the page. Reads only the meter registry; knows no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package io.edgecoord.dashboard;
