using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Transfer;

/// <summary>重点实验室 or 产业研究院.</summary>
public enum KeyLabKind
{
    KeyLab = 1,
    IndustryInstitute = 2,
}

/// <summary>认定级别.</summary>
public enum KeyLabLevel
{
    County = 1,
    City = 2,
    Provincial = 3,
    National = 4,
}

/// <summary>认定环节: listed for construction (列入建设名单), accepted (验收通过), recognised (正式认定), withdrawn (撤销).</summary>
public enum RecognitionStep
{
    Listed = 1,
    Accepted = 2,
    Recognised = 3,
    Withdrawn = 4,
}

/// <summary>
/// 重点实验室 / 产业研究院 the county builds with universities and enterprises (智能制造产业研究院), with each recognition step
/// it reaches as a record of its own (<see cref="KeyLabRecognition"/>).
/// </summary>
public sealed class KeyLab : IRegionScoped
{
    private KeyLab()
    {
    }

    public KeyLab(KeyLabFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public KeyLabKind Kind { get; private set; }
    public string RegionCode { get; private set; } = "";

    /// <summary>依托单位 (an enterprise, a university or a service organisation of the directory).</summary>
    public Guid? HostId { get; private set; }
    public Guid? InstitutionId { get; private set; }
    public string? Fields { get; private set; }
    public DateOnly? FoundedOn { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(KeyLabFacts facts, DateTime now)
    {
        Name = facts.Name;
        Kind = facts.Kind;
        RegionCode = facts.RegionCode;
        HostId = facts.HostId;
        InstitutionId = facts.InstitutionId;
        Fields = facts.Fields;
        FoundedOn = facts.FoundedOn;
        UpdatedAt = now;
    }
}

public sealed record KeyLabFacts(string Name, KeyLabKind Kind, string RegionCode, Guid? HostId, Guid? InstitutionId, string? Fields, DateOnly? FoundedOn);

/// <summary>One step of a key lab's recognition: 2022-12 列入“2022年金华市重点实验室(试点)建设名单” at city level.</summary>
public sealed class KeyLabRecognition : IRegionScoped
{
    private KeyLabRecognition()
    {
    }

    public KeyLabRecognition(KeyLab lab, RecognitionStep step, KeyLabLevel level, DateOnly on, string? document, DateTime now)
    {
        Id = Guid.CreateVersion7();
        KeyLabId = lab.Id;
        RegionCode = lab.RegionCode;
        Step = step;
        Level = level;
        On = on;
        Document = document;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid KeyLabId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public RecognitionStep Step { get; private set; }
    public KeyLabLevel Level { get; private set; }
    public DateOnly On { get; private set; }

    /// <summary>名单或文件名称 (2022年金华市重点实验室(试点)建设名单).</summary>
    public string? Document { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public void MoveTo(string regionCode) => RegionCode = regionCode;
}

public sealed record KeyLabInput(string? Name, string? Kind, string? RegionCode, Guid? HostId, Guid? InstitutionId, string? Fields, DateOnly? FoundedOn);

public sealed record RecognitionInput(string? Step, string? Level, DateOnly? On, string? Document);

public static class KeyLabRules
{
    public const int NameMax = 100;
    public const int FieldsMax = 200;
    public const int DocumentMax = 200;

    public static readonly IReadOnlyDictionary<KeyLabKind, string> KindNames = new Dictionary<KeyLabKind, string>
    {
        [KeyLabKind.KeyLab] = "重点实验室",
        [KeyLabKind.IndustryInstitute] = "产业研究院",
    };

    public static readonly IReadOnlyDictionary<KeyLabLevel, string> LevelNames = new Dictionary<KeyLabLevel, string>
    {
        [KeyLabLevel.County] = "县级",
        [KeyLabLevel.City] = "市级",
        [KeyLabLevel.Provincial] = "省级",
        [KeyLabLevel.National] = "国家级",
    };

    public static readonly IReadOnlyDictionary<RecognitionStep, string> StepNames = new Dictionary<RecognitionStep, string>
    {
        [RecognitionStep.Listed] = "列入建设名单",
        [RecognitionStep.Accepted] = "验收通过",
        [RecognitionStep.Recognised] = "正式认定",
        [RecognitionStep.Withdrawn] = "撤销",
    };

    public static KeyLabFacts? Validate(KeyLabInput input, Func<string, bool> regionExists, DateOnly today, FieldErrors errors)
    {
        var name = errors.Text("name", "名称", input.Name, NameMax);
        var kind = errors.Enum("kind", "类型", input.Kind, KindNames);
        var region = TransferText.Region(input.RegionCode, "regionCode", "所在行政区划", regionExists, errors);
        var fields = errors.Text("fields", "研究方向", input.Fields, FieldsMax, required: false);
        if (input.FoundedOn > today)
        {
            errors.Add("foundedOn", "成立日期不能晚于今天");
        }
        return errors.Any ? null : new KeyLabFacts(name, kind!.Value, region, input.HostId, input.InstitutionId, TransferText.OrNull(fields), input.FoundedOn);
    }

    public static (RecognitionStep Step, KeyLabLevel Level, DateOnly On, string? Document)? ValidateRecognition(RecognitionInput input, DateOnly today, FieldErrors errors)
    {
        var step = errors.Enum("step", "认定环节", input.Step, StepNames);
        var level = errors.Enum("level", "级别", input.Level, LevelNames);
        if (input.On is null)
        {
            errors.Add("on", "请填写日期");
        }
        else if (input.On > today)
        {
            errors.Add("on", "日期不能晚于今天");
        }
        var document = errors.Text("document", "名单或文件名称", input.Document, DocumentMax, required: false);
        return errors.Any ? null : (step!.Value, level!.Value, input.On!.Value, TransferText.OrNull(document));
    }

    /// <summary>A step is reached once per level; a withdrawn lab takes no further step.</summary>
    public static RuleException? CheckStep(IReadOnlyCollection<(RecognitionStep Step, KeyLabLevel Level)> reached, RecognitionStep step, KeyLabLevel level)
    {
        if (reached.Any(r => r.Step == RecognitionStep.Withdrawn))
        {
            return new RuleException("transfer.key-lab-withdrawn", "已撤销的实验室（研究院）不能再登记认定环节");
        }
        if (reached.Contains((step, level)))
        {
            return new RuleException("transfer.recognition-exists", $"已登记{LevelNames[level]}“{StepNames[step]}”");
        }
        return null;
    }
}
