using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <summary>
/// Home figures in the viewer's scope: 科小 entries and industrialisation filings of the latest year that
/// has any (early in a year the new year's list is still empty, and a 0 would mislead), and 高企
/// certificates valid today.
/// </summary>
internal sealed class EnterprisesDashboard(TimeProvider clock) : IDashboardCard
{
    public int Order => 300;

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db)
    {
        var year = clock.GetLocalNow().Year;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var smeYear = await db.Set<Qualification>().Confirmed().Where(q => q.Kind == QualificationKind.TechSme).MaxAsync(q => (int?)q.Year) ?? year;
        var techSme = await db.Set<Qualification>().Confirmed().Where(q => q.Kind == QualificationKind.TechSme && q.Year == smeYear).Select(q => q.OrganizationId).Distinct().CountAsync();
        var highTech = await db.Set<Qualification>().Confirmed().Where(q => q.Kind == QualificationKind.HighTechEnterprise && q.ValidFrom <= today && q.ValidUntil >= today)
            .Select(q => q.OrganizationId).Distinct().CountAsync();
        var filingYear = await db.Set<PatentIndustrializationFiling>().MaxAsync(f => (DateOnly?)f.FiledOn) is { } latest ? latest.Year : year;
        var from = new DateOnly(filingYear, 1, 1);
        var to = from.AddYears(1);
        var filings = await db.Set<PatentIndustrializationFiling>().CountAsync(f => f.FiledOn >= from && f.FiledOn < to);
        List<DashboardFigure> figures =
        [
            new($"{smeYear}年科技型中小企业", techSme, "家", $"/enterprises/records?type=qualifications&kind=tech-sme&year={smeYear}"),
            new("有效高新技术企业", highTech, "家", $"/enterprises/records?type=qualifications&kind=high-tech-enterprise&year={year}"),
            new($"{filingYear}年发明专利产业化备案", filings, "项", $"/enterprises/records?type=industrialization-filings&year={filingYear}"),
        ];
        if (db.User.Role is { } role && role.IsStaff())
        {
            // 待办: claims of enterprises in the viewer's county or city waiting for confirmation.
            var waiting = await db.Set<Qualification>().CountAsync(q => q.Status == ClaimStatus.Pending)
                + await db.Set<AwardNomination>().CountAsync(a => a.Status == ClaimStatus.Pending);
            figures.Add(new("待办：待确认的企业申报", waiting, "项", "/enterprises/claims?status=pending"));
        }
        return figures;
    }
}
