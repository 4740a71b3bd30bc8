using System.Globalization;
using System.Runtime.InteropServices;

namespace Nexus.Benchmarks;

/// <summary>
/// A quick A/B measure for a shared, loaded machine: the CPU time the measuring thread spends per corpus
/// operation (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), which other processes do not inflate the way they inflate
/// wall-clock time. It warms up for 6 s, then reports the best and the median of ROUNDS rounds of 0.5 s. Gen0 and
/// gen1 collections run on the allocating thread and are counted; background work is not. Compare two builds
/// with it in alternation; BenchmarkDotNet on an idle machine stays the reference.
/// </summary>
internal static class CpuTimeLoop
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    public static int Run(string operation, int rounds)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("--cpu-time needs Linux (CLOCK_THREAD_CPUTIME_ID)");
            return 2;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var once = ProfileLoop.Operation(operation);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < 6)
        {
            once();
        }

        var perOperation = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var count = 0;
            var start = ThreadCpuMicroseconds();
            clock.Restart();
            while (clock.Elapsed.TotalMilliseconds < 500)
            {
                once();
                count++;
            }

            perOperation.Add((ThreadCpuMicroseconds() - start) / count);
        }

        perOperation.Sort();
        var best = perOperation[0];
        var bytes = operation == "xmlreader" ? Corpus.Shared.XmlReadableBytes : Corpus.Shared.TotalBytes;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{operation}: thread CPU per corpus pass best {best:F1} us, median {perOperation[rounds / 2]:F1} us; {bytes / best:F1} MB/s at best ({rounds} rounds; load {File.ReadAllText("/proc/loadavg").Trim()})"));
        return 0;
    }

    private static double ThreadCpuMicroseconds()
    {
        if (ClockGetTime(ThreadCpuClock, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        }

        return (time.Seconds * 1e6) + (time.Nanoseconds / 1e3);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code enabled for the project.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
