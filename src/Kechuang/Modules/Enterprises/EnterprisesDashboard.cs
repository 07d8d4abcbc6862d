using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <summary>
/// Home figures in the viewer's scope for the year shown: 科小 entries of the year, 高企 certificates valid on the
/// period's day, industrialisation filings of the year, and (for staff) the claims waiting for them now.
/// </summary>
internal sealed class EnterprisesDashboard : IDashboardCard
{
    public int Order => 300;

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db, DashboardPeriod period)
    {
        var year = period.Year;
        var asOf = period.AsOf;
        var techSme = await db.Set<Qualification>().Confirmed().Where(q => q.Kind == QualificationKind.TechSme && q.Year == year).Select(q => q.OrganizationId).Distinct().CountAsync();
        var highTech = await db.Set<Qualification>().Confirmed().Where(q => q.Kind == QualificationKind.HighTechEnterprise && q.ValidFrom <= asOf && q.ValidUntil >= asOf)
            .Select(q => q.OrganizationId).Distinct().CountAsync();
        var filings = await db.Set<PatentIndustrializationFiling>().CountAsync(f => f.FiledOn >= period.From && f.FiledOn < period.To);
        List<DashboardFigure> figures =
        [
            new("科技型中小企业", techSme, "家", $"/enterprises/records?type=qualifications&kind=tech-sme&year={year}", $"{year}年度入库"),
            new("有效高新技术企业", highTech, "家", $"/enterprises/records?type=qualifications&kind=high-tech-enterprise&asOf={asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}", period.AsOfText),
            new("发明专利产业化备案", filings, "项", $"/enterprises/records?type=industrialization-filings&year={year}", period.SpanText),
        ];
        if (db.User.Role is { } role && role.IsStaff())
        {
            // 待办: claims of enterprises in the viewer's county or city waiting for confirmation.
            var waiting = await db.Set<Qualification>().CountAsync(q => q.Status == ClaimStatus.Pending)
                + await db.Set<AwardNomination>().CountAsync(a => a.Status == ClaimStatus.Pending);
            figures.Add(new("待办：待确认的企业申报", waiting, "项", "/enterprises/claims?status=pending", DashboardPeriod.Now));
        }
        return figures;
    }

    public async Task<int?> LatestYearAsync(KechuangDb db)
    {
        var sme = await db.Set<Qualification>().Confirmed().Where(q => q.Kind == QualificationKind.TechSme).MaxAsync(q => (int?)q.Year);
        var filed = await db.Set<PatentIndustrializationFiling>().MaxAsync(f => (DateOnly?)f.FiledOn);
        return sme is null && filed is null ? null : Math.Max(sme ?? 0, filed?.Year ?? 0);
    }
}
