using System.Reflection;

namespace Kechuang.Platform.Data;

/// <summary>
/// A read handler whose <see cref="KechuangDb"/> is the reporting database (<see cref="ReportingDb"/>): the standby when
/// one is configured, else the request's own context. Exports take their list handler this way, so reading out a
/// whole list (thousands of rows) loads the standby, not the primary that takes the writes; the export's own audit
/// entry is written on the primary as before. The handler's other services (the directory's names, for one) are the
/// request's own.
/// </summary>
public sealed class FromReports<THandler>(IServiceProvider services, ReportingDb reporting)
    where THandler : class
{
    // A handler that reads through ReportingDb already, or through no context at all, is the registered one.
    private static readonly bool TakesDb = typeof(THandler).GetConstructors(BindingFlags.Public | BindingFlags.Instance)
        .Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(KechuangDb)));

    private THandler? _handler;

    public THandler Handler => _handler ??= reporting.OnStandby && TakesDb
        ? ActivatorUtilities.CreateInstance<THandler>(services, reporting.Db)
        : services.GetRequiredService<THandler>();
}
