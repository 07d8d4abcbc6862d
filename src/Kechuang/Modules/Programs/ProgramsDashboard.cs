using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Programs;

/// <summary>
/// 待办: what the plan-project deadlines make due, for the viewer — bureau staff see applications waiting for the formal
/// check, notices that have run out, acceptances due within three months and those overdue; an expert sees the scores
/// still owed. Each figure links to the list of what it counts; nothing due shows nothing.
/// </summary>
public sealed class ProgramsDashboard : IDashboardCard
{
    public int Order => 600;

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db, DashboardPeriod period)
    {
        var figures = new List<DashboardFigure>();
        if (db.User.Role == Role.Expert)
        {
            var me = db.User.AccountId ?? Guid.Empty;
            var owed = await db.Set<ReviewAssignment>().AsNoTracking()
                .Where(r => r.ReviewerId == me && !r.Conflict && r.ScoredAt == null)
                .Join(db.Set<PlanApplication>().Where(a => a.Status == ApplicationStatus.InReview), r => r.ApplicationId, a => a.Id, (r, a) => r.Id)
                .CountAsync();
            figures.Add(new DashboardFigure("待办：待我评分的项目", owed, "项", "/programs/reviews", DashboardPeriod.Now));
            return figures;
        }
        if (db.User.Role is not { } role || !role.IsStaff())
        {
            return figures;
        }
        var today = db.Today();
        var apps = db.Set<PlanApplication>().AsNoTracking();
        var toCheck = await apps.CountAsync(a => a.Status == ApplicationStatus.Submitted);
        var noticeOver = await apps.CountAsync(a => a.Status == ApplicationStatus.Publicizing && a.NoticeEndsOn <= today);
        var lastEnd = today.AddMonths(-ProgramsRules.AcceptanceMonthsAfterEnd);
        var overdue = await apps.CountAsync(a => a.Status == ApplicationStatus.InProgress && a.EndOn < lastEnd);
        var soon = today.AddMonths(3 - ProgramsRules.AcceptanceMonthsAfterEnd);
        var dueSoon = await apps.CountAsync(a => a.Status == ApplicationStatus.InProgress && a.EndOn >= lastEnd && a.EndOn <= soon);
        figures.Add(new DashboardFigure("待办：待形式审查的申报", toCheck, "项", "/programs/applications?status=submitted", DashboardPeriod.Now));
        figures.Add(new DashboardFigure("待办：公示期满待立项", noticeOver, "项", "/programs/applications?status=publicizing", DashboardPeriod.Now));
        figures.Add(new DashboardFigure("待办：3个月内应申请验收", dueSoon, "项", "/programs/applications?status=in-progress", DashboardPeriod.Now));
        figures.Add(new DashboardFigure("待办：逾期未申请验收", overdue, "项", "/programs/applications?overdue=true", DashboardPeriod.Now));
        return figures;
    }
}
