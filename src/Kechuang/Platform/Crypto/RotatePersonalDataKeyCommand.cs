using System.Globalization;
using Kechuang.Platform.Data;

namespace Kechuang.Platform.Crypto;

/// <summary>
/// <c>kechuang rotate-personal-data-key [--batch 500]</c>: after a new key has been added to <c>PersonalData:Keys</c>
/// and made <c>PersonalData:CurrentKeyId</c>, re-encrypts every phone and 身份证 value still under an older key (or
/// still plain), batch by batch, and rewrites every blind index not computed under <c>PersonalData:IndexKey</c> (after
/// the index key was replaced, with the old one kept as <c>PersonalData:PreviousIndexKey</c> meanwhile). Running it again does nothing more; an interrupted run continues where it stopped.
/// It ends by saying which keys still protect values: a key no value uses any more can be removed from configuration.
/// </summary>
internal sealed class RotatePersonalDataKeyCommand : ICommand
{
    public string Name => "rotate-personal-data-key";

    public string Usage => "rotate-personal-data-key [--batch 每批条数]   用当前密钥重新加密电话和身份证号码，并按当前索引密钥重写查找索引";

    public async Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken)
    {
        var batch = PersonalDataRotation.DefaultBatchSize;
        if (CommandOptions.Value(args, "batch") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out batch) || batch < 1))
        {
            Console.Error.WriteLine("--batch 应为正整数");
            return 2;
        }
        var db = services.GetRequiredService<KechuangDb>();
        var rotation = new PersonalDataRotation(db);
        Console.WriteLine($"当前密钥：{db.PersonalData.CurrentKeyId}");
        RotationResult result;
        try
        {
            result = await rotation.RotateAsync(batch, line => Console.WriteLine($"  已处理 {line}"), cancellationToken);
        }
        catch (PersonalDataException e)
        {
            Console.Error.WriteLine($"轮换中止：{e.Message}。已完成的批次保留，修复后再次运行即从此处继续。");
            return 1;
        }
        Console.WriteLine($"共改写 {result.Total} 个值（重新加密或重写索引）");
        if (db.PersonalData.HasPreviousIndexKey)
        {
            Console.WriteLine($"所有索引已按当前索引密钥重写：可从配置中删除 {PersonalDataKeys.Section}:PreviousIndexKey");
        }
        var remaining = await rotation.CountByKeyAsync(cancellationToken);
        foreach (var (keyId, count) in remaining.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  密钥 {(keyId.Length == 0 ? "（明文）" : keyId)}：{count} 个值");
        }
        var unused = db.PersonalData.KeyIds.Where(id => !remaining.ContainsKey(id)).ToList();
        if (unused.Count > 0)
        {
            Console.WriteLine($"不再使用、可从配置中删除的密钥：{string.Join("，", unused)}");
        }
        return 0;
    }
}
