using Kechuang.Platform.Data;

namespace Kechuang.Modules.Directory;

/// <summary>人员: an expert, PhD, commissioner or contact; phone and 身份证 are masked for most viewers.</summary>
public sealed class Person : IOrganizationScoped
{
    private Person()
    {
    }

    public Person(string name, PersonKind kind, Guid? organizationId, string regionCode, string? title, string? fields, string? phone, string? idNumber, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(name, kind, organizationId, regionCode, title, fields, phone, idNumber, now);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public PersonKind Kind { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string? Title { get; private set; }
    public string? Fields { get; private set; }
    public string? Phone { get; private set; }
    public string? IdNumber { get; private set; }

    /// <summary>登录账号: the account this person signs in with (an expert who scores plan projects), when they have one.</summary>
    public Guid? AccountId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(string name, PersonKind kind, Guid? organizationId, string regionCode, string? title, string? fields, string? phone, string? idNumber, DateTime now)
    {
        Name = name;
        Kind = kind;
        OrganizationId = organizationId;
        RegionCode = regionCode;
        Title = title;
        Fields = fields;
        Phone = phone;
        IdNumber = idNumber;
        UpdatedAt = now;
    }

    public void LinkAccount(Guid? accountId, DateTime now)
    {
        AccountId = accountId;
        UpdatedAt = now;
    }
}

/// <summary>人员类别: 专家 / 博士 / 科技特派员 / 联系人.</summary>
public enum PersonKind
{
    Expert = 1,
    Phd = 2,
    Commissioner = 3,
    Contact = 4,
}

public static class PersonKinds
{
    public static readonly IReadOnlyDictionary<PersonKind, string> Names = new Dictionary<PersonKind, string>
    {
        [PersonKind.Expert] = "专家",
        [PersonKind.Phd] = "博士",
        [PersonKind.Commissioner] = "科技特派员",
        [PersonKind.Contact] = "联系人",
    };
}
