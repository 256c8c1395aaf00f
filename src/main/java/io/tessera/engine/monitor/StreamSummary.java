package io.tessera.engine.monitor;

/** A stream key from XINFO STREAM: its length, first and last entry ids (null when empty), last generated id, group count. */
public record StreamSummary(String key, long length, String firstId, String lastId, String lastGeneratedId, long groups) {}
