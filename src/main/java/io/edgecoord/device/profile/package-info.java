/**
 * Device profiles: what a kind of device offers (resources, commands, value types, deadbands), stored, and imported from EdgeX, apart from any one device.
 */
package io.edgecoord.device.profile;
