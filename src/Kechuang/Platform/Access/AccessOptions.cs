namespace Kechuang.Platform.Access;

public sealed class AccessOptions
{
    /// <summary>Staff passwords expire after this many days (0 turns expiry off). 等保 default 90.</summary>
    public int StaffPasswordExpiryDays { get; set; } = 90;

    /// <summary>Idle minutes before a page session ends.</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>Lifetime of an API bearer token.</summary>
    public int TokenHours { get; set; } = 8;
}
