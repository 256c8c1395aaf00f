package io.tessera.engine.dispatch;

import io.tessera.engine.events.EventPublisher;
import io.tessera.engine.events.LuaScript;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** The Lua scripts of dispatch, each prefixed with the event and job helpers. */
final class DispatchScripts {
    private static final String DIR = "/io/tessera/engine/dispatch/";

    static final LuaScript CREATE_JOB = load("create-job.lua");
    static final LuaScript ENQUEUE = load("enqueue.lua");
    static final LuaScript COMPLETE = load("complete.lua");
    static final LuaScript FAIL = load("fail.lua");
    static final LuaScript PROMOTE = load("promote.lua");
    static final LuaScript REQUEUE = load("requeue.lua");
    static final LuaScript CONTROL = load("control.lua");
    static final LuaScript START = load("start.lua");
    static final LuaScript PROGRESS = load("progress.lua");
    static final LuaScript DEPTH = load("depth.lua");
    static final LuaScript SET_ASIDE = load("set-aside.lua");

    private DispatchScripts() {}

    private static LuaScript load(String name) {
        return LuaScript.load(EventPublisher.EMIT_LIBRARY, DIR + "job.lua", DIR + name);
    }

    /** After a NOSCRIPT in a pipeline (first use, or Redis restarted): load what pipelines run by SHA. */
    static void loadPipelined(UnifiedJedis redis) {
        for (LuaScript script : List.of(COMPLETE, FAIL)) {
            script.ensureLoaded(redis);
        }
    }
}
