namespace Kechuang.Modules.Carriers.Public;

/// <summary>
/// 注册 (the enterprise registered its business address in the carrier, it may work elsewhere) or
/// 入驻 (it occupies space there). An enterprise may hold both in one carrier; each is its own record.
/// </summary>
public enum TenancyKind
{
    Registered = 1,
    Resident = 2,
}

public static class TenancyKinds
{
    public static readonly IReadOnlyDictionary<TenancyKind, string> Names = new Dictionary<TenancyKind, string>
    {
        [TenancyKind.Registered] = "注册",
        [TenancyKind.Resident] = "入驻",
    };
}
