package io.tessera.engine.events;

/**
 * The last event a follower delivered: its stream id and its ordinal (how many events the stream had taken
 * when it was added), so a follower started again from here replays exactly what came after and can count
 * what a trim took meanwhile.
 */
public record FollowPosition(String lastId, long ordinal) {}
