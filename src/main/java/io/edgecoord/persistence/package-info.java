/** Persistence pieces shared by the modules' entities. */
@org.springframework.modulith.ApplicationModule(displayName = "Persistence",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.edgecoord.persistence;
