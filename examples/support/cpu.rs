//! CPU time from `/proc`, shared by the benchmarks.

use std::fs;

/// CPU seconds (user + system) in a `/proc/.../stat` file: `/proc/self/stat` for the
/// process, `/proc/thread-self/stat` for the calling thread. 0 where there is no `/proc`.
pub fn stat_cpu_seconds(path: &str) -> f64 {
    let stat = fs::read_to_string(path).unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; Linux
    // reports them in USER_HZ, which is 100.
    (ticks(11) + ticks(12)) / 100.0
}
