package io.tessera.engine.health;

/** The figures of one service beyond its state and summary, for the operations dashboard; absent while it is down. */
public sealed interface ServiceDetail permits HdfsFigures, ZooKeeperFigures, RedisFigures {}
