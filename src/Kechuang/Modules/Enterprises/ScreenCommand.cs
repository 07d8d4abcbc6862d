using Kechuang.Modules.Directory.Public;
using Kechuang.Platform;

namespace Kechuang.Modules.Enterprises;

/// <summary>
/// <c>kechuang screen --region 330723 --year 2023</c>: the yearly 梯次培育 screening of every enterprise of a region from the
/// command line (a scheduled job), stored as <c>POST /api/v1/cultivation/screening/run</c> stores it; changes are audited as
/// <c>system:screen</c>. Prints each enterprise and a count per 培育库.
/// </summary>
internal sealed class ScreenCommand : ICommand
{
    public string Name => "screen";
    public string Usage => "screen --region 行政区划代码 --year 年度   （按官方规则筛查该地区全部企业并保存结果）";

    public async Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken)
    {
        var region = CommandOptions.Value(args, "region")?.Trim() ?? "";
        var yearText = CommandOptions.Value(args, "year");
        var errors = new List<string>();
        var regions = await services.GetRequiredService<IOrganizationDirectory>().RegionNamesAsync(cancellationToken);
        if (region.Length == 0)
        {
            errors.Add("请用 --region 指定行政区划代码（如 330723）");
        }
        else if (!regions.ContainsKey(region))
        {
            errors.Add($"行政区划代码 {region} 不存在");
        }
        if (!int.TryParse(yearText, out var year) || year is < 1990 or > 2100)
        {
            errors.Add("请用 --year 指定1990—2100之间的年度（如 2023）");
        }
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                Console.Error.WriteLine(error);
            }
            Console.Error.WriteLine($"用法: kechuang {Usage}");
            return 2;
        }

        var regionName = regions.GetValueOrDefault(region, region);
        Console.WriteLine($"开始筛查：{regionName}（{region}）{year}年度，依据{year - 1}年度及以前的企业数据");
        var handler = services.GetRequiredService<RunScreeningHandler>();
        var result = await handler.HandleAsync(region, year, (position, total, row) =>
            Console.WriteLine($"[{position}/{total}] {row.Name}：{Describe(row)}"), cancellationToken);
        Console.WriteLine($"筛查完成：共 {result.Total} 家企业，结果已保存");
        foreach (var (pool, label) in CultivationPools.Names)
        {
            Console.WriteLine($"  {label}：{result.Pools[pool]} 家");
        }
        return 0;
    }

    private static string Describe(ScreeningRow row)
    {
        var pools = row.Pools.Count == 0 ? "未列入培育库" : string.Join("、", row.Pools.Select(p => CultivationPools.Names[p]));
        return row.HasData ? pools : $"{pools}（缺少上一年度数据，未评价）";
    }
}
