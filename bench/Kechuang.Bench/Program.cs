using System.Diagnostics;
using Kechuang.Bench;

// Each benchmark prints its figure and a baseline measured in the same run, and their ratio, so a
// slower or faster machine does not change the verdict. Usage: scripts/bench.sh <name>
var benchmarks = new Dictionary<string, Func<Task<BenchResult>>>(StringComparer.OrdinalIgnoreCase)
{
    ["audit-write"] = AuditWriteBench.RunAsync,
    ["scope-filter"] = ScopeFilterBench.RunAsync,
};

if (args.Length > 0 && args[0].Equals("contracts-import", StringComparison.OrdinalIgnoreCase))
{
    // Prints its own last line: contracts-import <provider>: median of R interleaved warm rounds = <ratio> (rounds …), cold <ratio>, peak <MB> MB (an import adds at most <MB> MB)
    return await ContractsImportBench.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0].Equals("screening", StringComparison.OrdinalIgnoreCase))
{
    // Prints its own last line: screening <provider>: <enterprises/s> vs raw read <rows/s> = <ratio>, peak <MB> MB
    return await ScreeningBench.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0].Equals("auction", StringComparison.OrdinalIgnoreCase))
{
    // Prints its own last line: auction: <bids/s> vs raw <updates/s> = <ratio>, p99 <ms> ms, broadcast p99 <ms> ms
    return await AuctionBench.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0].Equals("province", StringComparison.OrdinalIgnoreCase))
{
    // Prints its own last line: province: list p95 <ms> ms, detail p95 <ms> ms, dashboard <ms> ms, city <ms> ms, scope <ratio>x, errors <n>
    return await ProvinceBench.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0].Equals("matching", StringComparison.OrdinalIgnoreCase))
{
    // Prints its own last line: matching: <docs/s> vs raw <docs/s> = <ratio>, p95 <ms> ms, peak <MB> MB
    return await MatchingBench.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0].Equals("programs-review", StringComparison.OrdinalIgnoreCase))
{
    // Prints its own last line: programs-review: <scores/s> vs raw <rows/s> = <ratio>, ranking <ms> ms
    return await ProgramsReviewBench.RunAsync(args[1..]);
}
if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: scripts/bench.sh <{string.Join("|", benchmarks.Keys)}|contracts-import [--provider Sqlite|Postgres] [--rows N]|screening [--provider Sqlite|Postgres] [--enterprises N]|auction [--seconds S] [--bidders N] [--viewers V] [--pool P]>");
    return 2;
}
var stopwatch = Stopwatch.StartNew();
var result = await run();
Console.WriteLine($"{args[0]}: {result.Figure:0.###} {result.Unit} (baseline {result.Baseline:0.###} {result.Unit}: {result.BaselineName})");
Console.WriteLine($"ratio: {result.Figure / result.Baseline:0.00}x  [{stopwatch.Elapsed.TotalSeconds:0.0} s]");
return 0;

namespace Kechuang.Bench
{
    public sealed record BenchResult(double Figure, double Baseline, string Unit, string BaselineName);
}
