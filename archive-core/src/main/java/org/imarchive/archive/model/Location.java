package org.imarchive.archive.model;

/** A shared location pin. */
public record Location(double latitude, double longitude, String name, String address) {
}
