using Kechuang.Platform.Data;

namespace Kechuang.Modules.Enterprises;

/// <summary>
/// 发明专利产业化备案: an enterprise files the industrialisation of an invention patent (expected sales in fen). A
/// project is filed before it is carried out, often in the previous year, so the filing day and the day implementation
/// starts (实施开始日期) are kept apart: the filings of a year and the projects carried out from a year are two figures.
/// </summary>
public sealed class PatentIndustrializationFiling : IOrganizationScoped
{
    private PatentIndustrializationFiling()
    {
    }

    public PatentIndustrializationFiling(Guid organizationId, string regionCode, string projectName, string patentNumber, Guid? patentId,
        long expectedSalesFen, int year, DateOnly filedOn, DateOnly implementationStart, DateOnly? implementationEnd, DateTime now)
    {
        Id = Guid.CreateVersion7();
        OrganizationId = organizationId;
        RegionCode = regionCode;
        ProjectName = projectName;
        PatentNumber = patentNumber;
        PatentId = patentId;
        ExpectedSalesFen = expectedSalesFen;
        Year = year;
        FiledOn = filedOn;
        ImplementationStart = implementationStart;
        ImplementationEnd = implementationEnd;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string ProjectName { get; private set; } = "";
    public string PatentNumber { get; private set; } = "";

    /// <summary>The enterprise's <see cref="IntellectualPropertyRecord"/> when the patent is recorded here.</summary>
    public Guid? PatentId { get; private set; }
    public long ExpectedSalesFen { get; private set; }
    public int Year { get; private set; }
    public DateOnly FiledOn { get; private set; }

    /// <summary>实施开始日期: when the project is put into implementation (T13 counts projects by it).</summary>
    public DateOnly ImplementationStart { get; private set; }

    /// <summary>计划完成日期, when the enterprise states one.</summary>
    public DateOnly? ImplementationEnd { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
