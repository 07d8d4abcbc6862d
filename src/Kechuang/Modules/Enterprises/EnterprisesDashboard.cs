using Kechuang.Platform.Data;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <summary>Home figures: this year's 科小 entries and valid 高企 certificates, and this year's industrialisation filings, in the viewer's scope.</summary>
internal sealed class EnterprisesDashboard(TimeProvider clock) : IDashboardCard
{
    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db)
    {
        var year = clock.GetLocalNow().Year;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var techSme = await db.Set<Qualification>().Where(q => q.Kind == QualificationKind.TechSme && q.Year == year).Select(q => q.OrganizationId).Distinct().CountAsync();
        var highTech = await db.Set<Qualification>().Where(q => q.Kind == QualificationKind.HighTechEnterprise && q.ValidFrom <= today && q.ValidUntil >= today)
            .Select(q => q.OrganizationId).Distinct().CountAsync();
        var from = new DateOnly(year, 1, 1);
        var filings = await db.Set<PatentIndustrializationFiling>().CountAsync(f => f.FiledOn >= from);
        return
        [
            new($"{year}年科技型中小企业", techSme, "家", $"/enterprises/records?type=qualifications&kind=tech-sme&year={year}"),
            new("有效高新技术企业", highTech, "家", $"/enterprises/records?type=qualifications&kind=high-tech-enterprise&year={year}"),
            new($"{year}年发明专利产业化备案", filings, "项", $"/enterprises/records?type=industrialization-filings&year={year}"),
        ];
    }
}
