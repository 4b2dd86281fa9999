package io.pylon.domain.command;

import io.pylon.domain.auth.Authorization;

/** One entry of a charger's local authorisation list; a null authorization removes the id tag (differential). */
public record LocalListEntry(String idTag, Authorization authorization) {}
