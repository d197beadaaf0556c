// SPDX-License-Identifier: GPL-3.0-or-later
// Row 3 of scripts/bench: two programs' start-ups timed in alternation, each run process to exit.
//
// Usage: startup_timer RUNS WARMUP -- PROGRAM ARGS... -- PEER ARGS...
// Runs both WARMUP times untimed, then RUNS times each, alternating (A B, then B A, ...; an
// even RUNS gives each the first place equally often; PROGRAM and PEER are paths), so a
// shared machine whose speed drifts over the seconds of a run slows both alike; hyperfine runs
// all of one command before the other. A run is timed from just before posix_spawn() to
// waitpid()'s return (CLOCK_MONOTONIC); output goes to /dev/null. Prints
// "<program median s> <peer median s>"; exit 1 when any run fails or exits non-zero.
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <vector>

extern char **environ;

namespace {

// Seconds the program took, or a negative value when it could not run or failed (`status`:
// its wait status, or -1 when it did not start).
double timeOnce(const std::vector<char *> &argv, int &status)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    timespec start {};
    timespec end {};
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    status = -1;
    if (spawned != 0 || waitpid(pid, &status, 0) != pid)
        return -1;
    clock_gettime(CLOCK_MONOTONIC, &end);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return double(end.tv_sec - start.tv_sec) + double(end.tv_nsec - start.tv_nsec) / 1e9;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int main(int argc, char *argv[])
{
    // RUNS WARMUP -- A... -- B...
    std::vector<char *> commands[2];
    int which = -1;
    for (int i = 3; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0 && which < 1) {
            ++which;
            continue;
        }
        if (which >= 0)
            commands[which].push_back(argv[i]);
    }
    const int runs = argc > 1 ? std::atoi(argv[1]) : 0;
    const int warmup = argc > 2 ? std::atoi(argv[2]) : 0;
    if (runs < 1 || warmup < 0 || commands[0].empty() || commands[1].empty()) {
        std::fprintf(
            stderr, "usage: startup_timer RUNS WARMUP -- PROGRAM ARGS... -- PEER ARGS...\n");
        return 2;
    }
    for (auto &command : commands)
        command.push_back(nullptr);

    std::vector<double> times[2];
    for (int round = 0; round < warmup + runs; ++round) {
        for (int k = 0; k < 2; ++k) {
            const int index = round % 2 ? 1 - k : k;
            int status = 0;
            const double seconds = timeOnce(commands[index], status);
            if (seconds < 0) {
                if (status == -1)
                    std::fprintf(stderr, "startup_timer: cannot start %s\n", commands[index][0]);
                else if (WIFSIGNALED(status))
                    std::fprintf(stderr, "startup_timer: %s died of signal %d\n",
                        commands[index][0], WTERMSIG(status));
                else
                    std::fprintf(stderr, "startup_timer: %s exited with %d\n", commands[index][0],
                        WEXITSTATUS(status));
                return 1;
            }
            if (round >= warmup)
                times[index].push_back(seconds);
        }
    }
    std::printf("%.6f %.6f\n", median(times[0]), median(times[1]));
    return 0;
}
