using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Contracts;

/// <summary>技术合同类型 (技术合同认定规则 2001 第四条; 民法典 第862–863条 adds 技术许可).</summary>
public enum ContractType
{
    DevelopmentCommissioned = 1,
    DevelopmentCooperative = 2,
    Transfer = 3,
    License = 4,
    Consulting = 5,
    Service = 6,
    ServiceTraining = 7,
    ServiceIntermediary = 8,
}

/// <summary>技术转让的类别: 专利权 / 专利申请权 / 技术秘密 / 其他 (布图设计、植物新品种、软件著作权、技术入股 …).</summary>
public enum TransferKind
{
    Patent = 1,
    PatentApplication = 2,
    TechnicalSecret = 3,
    Other = 4,
}

/// <summary>认定登记流程状态.</summary>
public enum ContractStatus
{
    Draft = 1,
    Submitted = 2,
    UnderReview = 3,
    Registered = 4,
    Returned = 5,
    Refused = 6,
}

/// <summary>不予登记的法定情形 (火炬中心 技术合同认定登记工作指引 FAQ, 2021-01-13; docs/rules/contract-registration.md §5).</summary>
public enum RefusalReason
{
    InvalidOrNotEffective = 1,
    NotTechnologyContract = 2,
    UnclearTerms = 3,
    MissingApproval = 4,
    NameInconsistent = 5,
    IllegalMonopoly = 6,
    InvalidProof = 7,
    IncompleteSeal = 8,
    Other = 9,
}

/// <summary>Names, limits and validation of technology contracts; pure functions, unit-tested without a database.</summary>
public static class ContractsRules
{
    public const int TitleMax = 200;
    public const int NoteMax = 500;
    public const int RegistrationNumberMax = 32;

    /// <summary>The registry completes its review within 30 days (技术合同认定登记管理办法).</summary>
    public const int ReviewDays = 30;

    /// <summary>Upper bound of one contract's amount (一万亿元), far above any real contract, keeps fen inside <c>long</c>.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static readonly IReadOnlyDictionary<ContractType, string> TypeNames = new Dictionary<ContractType, string>
    {
        [ContractType.DevelopmentCommissioned] = "委托开发",
        [ContractType.DevelopmentCooperative] = "合作开发",
        [ContractType.Transfer] = "技术转让",
        [ContractType.License] = "技术许可",
        [ContractType.Consulting] = "技术咨询",
        [ContractType.Service] = "技术服务",
        [ContractType.ServiceTraining] = "技术培训",
        [ContractType.ServiceIntermediary] = "技术中介",
    };

    public static readonly IReadOnlyDictionary<TransferKind, string> TransferKindNames = new Dictionary<TransferKind, string>
    {
        [TransferKind.Patent] = "专利权转让",
        [TransferKind.PatentApplication] = "专利申请权转让",
        [TransferKind.TechnicalSecret] = "技术秘密转让",
        [TransferKind.Other] = "其他技术转让",
    };

    public static readonly IReadOnlyDictionary<ContractStatus, string> StatusNames = new Dictionary<ContractStatus, string>
    {
        [ContractStatus.Draft] = "草稿",
        [ContractStatus.Submitted] = "已提交",
        [ContractStatus.UnderReview] = "审核中",
        [ContractStatus.Registered] = "已登记",
        [ContractStatus.Returned] = "已退回补正",
        [ContractStatus.Refused] = "不予登记",
    };

    public static readonly IReadOnlyDictionary<RefusalReason, string> RefusalReasonNames = new Dictionary<RefusalReason, string>
    {
        [RefusalReason.InvalidOrNotEffective] = "合同无效或者尚未生效",
        [RefusalReason.NotTechnologyContract] = "不属于技术合同",
        [RefusalReason.UnclearTerms] = "当事人、标的、价款、报酬或者使用费约定不明确",
        [RefusalReason.MissingApproval] = "依法应经有关部门审批而未取得批准文件",
        [RefusalReason.NameInconsistent] = "合同名称与内容不符且未按要求更正",
        [RefusalReason.IllegalMonopoly] = "含有非法垄断技术或者妨碍技术进步等不合理限制条款",
        [RefusalReason.InvalidProof] = "未提交证明文件或证明文件无效",
        [RefusalReason.IncompleteSeal] = "签章不全或者印章与合同当事人名称不符",
        [RefusalReason.Other] = "其他不予登记的情形",
    };

    /// <summary>The enum member of an API spelling (<c>development-commissioned</c> → <see cref="ContractType.DevelopmentCommissioned"/>).</summary>
    public static TEnum FromKebab<TEnum>(string kebab) where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(kebab.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);

    public static string TypeName(ContractType type, TransferKind? kind) =>
        type == ContractType.Transfer && kind is { } k ? TransferKindNames[k] : TypeNames[type];

    /// <summary>
    /// Checks the two amounts in yuan: both positive/non-negative with at most two decimals, and the
    /// 技术交易额 (成交额 minus non-technical costs: equipment, instruments, parts, materials) not above
    /// the 成交额 (技术合同认定规则 第七章). Returns fen, or null when invalid.
    /// </summary>
    public static (long AmountFen, long TransactionFen)? Amounts(decimal? amount, decimal? transactionAmount, FieldErrors errors)
    {
        var ok = true;
        if (amount is null)
        {
            errors.Add("amount", "请填写合同成交额");
            ok = false;
        }
        else if (amount <= 0m || amount > MaxAmount)
        {
            errors.Add("amount", "合同成交额须大于0元且不超过一万亿元");
            ok = false;
        }
        else if (!Money.HasAtMostTwoDecimals(amount.Value))
        {
            errors.Add("amount", "合同成交额最多保留两位小数（精确到分）");
            ok = false;
        }
        if (transactionAmount is null)
        {
            errors.Add("transactionAmount", "请填写技术交易额");
            ok = false;
        }
        else if (transactionAmount < 0m || transactionAmount > MaxAmount)
        {
            errors.Add("transactionAmount", "技术交易额须不小于0元且不超过一万亿元");
            ok = false;
        }
        else if (!Money.HasAtMostTwoDecimals(transactionAmount.Value))
        {
            errors.Add("transactionAmount", "技术交易额最多保留两位小数（精确到分）");
            ok = false;
        }
        if (ok && transactionAmount > amount)
        {
            errors.Add("transactionAmount", "技术交易额不能超过合同成交额（技术交易额 = 成交额 − 非技术性费用）");
            ok = false;
        }
        return ok ? (Money.ToFen(amount!.Value), Money.ToFen(transactionAmount!.Value)) : null;
    }

    /// <summary>The sign date: required, not before 1990 and not after today (a contract not yet signed is not registered).</summary>
    public static DateOnly? SignDate(DateOnly? value, DateOnly today, FieldErrors errors)
    {
        if (value is null)
        {
            errors.Add("signDate", "请填写签订日期");
            return null;
        }
        if (value < new DateOnly(1990, 1, 1) || value > today)
        {
            errors.Add("signDate", "签订日期须在1990年1月1日至今天之间");
            return null;
        }
        return value;
    }

    /// <summary>The largest sequence of one registration point in one year (six digits).</summary>
    public const int MaxSequence = 999_999;

    /// <summary>
    /// 登记号 of 14 digits: the year's last two digits, the city's four (province and prefecture, GB/T 2260), the
    /// registration point's two and a six-digit sequence within that point and year — <c>22330703000001</c> is the
    /// first contract 武义县 (point 03 of 金华市) registered in 2022 (docs/rules/contract-registration.md §8, ADR 019).
    /// </summary>
    public static string RegistrationNumber(string cityCode, string pointCode, int year, int sequence)
    {
        if (sequence is < 1 or > MaxSequence)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), "登记号序号为1–999999");
        }
        return $"{RegistrationPrefix(cityCode, pointCode, year)}{sequence:D6}";
    }

    /// <summary>The first eight digits shared by one point's numbers of one year.</summary>
    public static string RegistrationPrefix(string cityCode, string pointCode, int year) =>
        $"{year % 100:D2}{cityCode}{pointCode}";

    /// <summary>The registering county: the first six digits of the seller's region (towns extend the county code).</summary>
    public static string CountyCode(string regionCode) => regionCode.Length >= 6 ? regionCode[..6] : regionCode.PadRight(6, '0');

    /// <summary>
    /// The sequence of a number issued under <paramref name="prefix"/>, or 0 for any other number (one imported from
    /// another system, or of the layout used before registration points: county, four-digit year, four-digit sequence).
    /// </summary>
    public static int SequenceOf(string number, string prefix) =>
        number.Length == prefix.Length + 6 && number.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(number.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n : 0;

    /// <summary>A registration number typed in (import of historical records): digits and capital letters, 6–32 characters.</summary>
    public static bool IsWellFormedNumber(string number) =>
        number.Length is >= 6 and <= RegistrationNumberMax && number.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c == '-');

    /// <summary>
    /// A contract's own fields (title, type, transfer category, sign date, amounts) as the form, the API, the import and
    /// another module's draft send them; the parties are resolved by the caller. Null when invalid.
    /// </summary>
    public static (string Title, ContractType Type, TransferKind? TransferKind, DateOnly SignDate, long AmountFen, long TransactionFen)? ValidateFields(
        ContractInput input, DateOnly today, FieldErrors errors, bool transferKindRequired = true)
    {
        var title = errors.Text("title", "合同名称", input.Title, TitleMax);
        var type = errors.Enum("type", "合同类型", input.Type, TypeNames);
        var kind = errors.Enum("transferKind", "技术转让类别", input.TransferKind, TransferKindNames, required: false);
        if (type == ContractType.Transfer && kind is null && transferKindRequired && string.IsNullOrWhiteSpace(input.TransferKind))
        {
            errors.Add("transferKind", "技术转让合同请选择转让类别（专利权、专利申请权、技术秘密或其他）");
        }
        var signDate = SignDate(input.SignDate, today, errors);
        var amounts = Amounts(input.Amount, input.TransactionAmount, errors);
        if (errors.Any || type is null || signDate is null || amounts is null)
        {
            return null;
        }
        return (title, type.Value, kind, signDate.Value, amounts.Value.AmountFen, amounts.Value.TransactionFen);
    }

    public const string ExpectedInvestmentMissing = "技术转让合同须填写预计新增投入";
    public const string ExpectedOutputMissing = "技术转让合同须填写预计新增产值";

    /// <summary>
    /// The JJ-001 fields of a contract (docs/rules/contract-registration.md §7, §10). A party's 国别 defaults to 中国;
    /// a party in China has a six-digit 行政区划代码 (<paramref name="isRegion"/> knows the national list), taken from the
    /// directory when not given, a party abroad none; its 性质 defaults to what the directory suggests. 预计新增投入 and
    /// 预计新增产值 are required for 技术转让 unless <paramref name="expectedRequired"/> is false (another module's draft,
    /// which the seller completes before submitting). Null when invalid.
    /// </summary>
    public static ContractParticulars? ValidateParticulars(ContractInput input, ContractType? type, OrganizationInfo? seller, OrganizationInfo? buyer,
        Func<string, bool> isRegion, FieldErrors errors, bool expectedRequired = true)
    {
        var before = Reported(errors);
        if ((input.ValidFrom is null) != (input.ValidTo is null))
        {
            errors.Add(input.ValidFrom is null ? "validFrom" : "validTo", "请同时填写合同有效期限的起止日期");
        }
        else if (input.ValidFrom > input.ValidTo)
        {
            errors.Add("validTo", "合同有效期限的截止日期不能早于起始日期");
        }
        var sellerFacts = Party("seller", "卖方", input.SellerCountry, input.SellerDivision, input.SellerNature, seller, isRegion, errors);
        var buyerFacts = Party("buyer", "买方", input.BuyerCountry, input.BuyerDivision, input.BuyerNature, buyer, isRegion, errors);
        var techField = ContractCodes.TechFields.Parse("techField", input.TechField, errors);
        var goal = ContractCodes.SocioEconomicGoals.Parse("socioEconomicGoal", input.SocioEconomicGoal, errors);
        var ipType = ContractCodes.IpTypes.Parse("ipType", input.IpType, errors);
        var plan = ContractCodes.PlanCategories.Parse("planCategory", input.PlanCategory, errors);
        var required = expectedRequired && type == ContractType.Transfer;
        var investment = Expected("expectedInvestment", "预计新增投入", input.ExpectedInvestment, required ? ExpectedInvestmentMissing : null, errors);
        var output = Expected("expectedOutput", "预计新增产值", input.ExpectedOutput, required ? ExpectedOutputMissing : null, errors);
        return Reported(errors) > before
            ? null
            : new ContractParticulars(input.ValidFrom, input.ValidTo, sellerFacts, buyerFacts, techField, goal, ipType, plan, investment, output);
    }

    private static int Reported(FieldErrors errors) => errors.Entries.Sum(e => e.Value.Count);

    private static PartyFacts? Party(string side, string label, string? country, string? division, string? nature, OrganizationInfo? organization,
        Func<string, bool> isRegion, FieldErrors errors)
    {
        var countryCode = string.IsNullOrWhiteSpace(country) ? ContractCodes.China : ContractCodes.Countries.Parse(side + "Country", country, errors, prefix: label);
        string? divisionCode = null;
        var given = division?.Trim();
        if (countryCode == ContractCodes.China)
        {
            divisionCode = string.IsNullOrEmpty(given) ? organization is null ? null : ContractCodes.DivisionOf(organization) : given;
            if (divisionCode is not null && (divisionCode.Length != 6 || !divisionCode.All(char.IsAsciiDigit) || !isRegion(divisionCode)))
            {
                errors.Add(side + "Division", $"{label}行政区划代码应为全国行政区划表中的6位代码（GB/T 2260），例如 330723");
                divisionCode = null;
            }
        }
        else if (!string.IsNullOrEmpty(given))
        {
            errors.Add(side + "Division", $"{label}不在中国境内，不填写行政区划代码");
        }
        var natureCode = string.IsNullOrWhiteSpace(nature)
            ? organization is null ? null : ContractCodes.NatureOf(organization)
            : ContractCodes.Natures.Parse(side + "Nature", nature, errors, prefix: label);
        return countryCode is null || natureCode is null ? null : new PartyFacts(countryCode, divisionCode, natureCode);
    }

    /// <summary>An expected amount in yuan (预计新增投入/产值): not negative, at most one 万亿, exact to the fen.</summary>
    private static long? Expected(string field, string label, decimal? value, string? missing, FieldErrors errors)
    {
        if (value is null)
        {
            if (missing is not null)
            {
                errors.Add(field, missing);
            }
            return null;
        }
        if (value < 0m || value > MaxAmount)
        {
            errors.Add(field, $"{label}须不小于0元且不超过一万亿元");
            return null;
        }
        if (!Money.HasAtMostTwoDecimals(value.Value))
        {
            errors.Add(field, $"{label}最多保留两位小数（精确到分）");
            return null;
        }
        return Money.ToFen(value.Value);
    }

    /// <summary>退回补正: what the seller must correct, required.</summary>
    public static string ValidateReturn(ReturnInput input, FieldErrors errors) =>
        errors.Text("note", "退回补正意见", input.Note, NoteMax);

    /// <summary>不予登记: one official reason, and a note (required for “other”).</summary>
    public static (RefusalReason? Reason, string? Note) ValidateRefusal(RefuseInput input, FieldErrors errors)
    {
        var reason = errors.Enum("reason", "不予登记理由", input.Reason, RefusalReasonNames);
        var note = errors.Text("note", "说明", input.Note, NoteMax, required: reason == RefusalReason.Other);
        return (reason, note.Length == 0 ? null : note);
    }

    // The type a download is served with follows the file's extension, never what the uploading client claimed:
    // a client could otherwise have a "PDF" served back as text/html and run as a page of this site.
    private static readonly Dictionary<string, string> AttachmentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".wps"] = "application/vnd.ms-works",
        [".ofd"] = "application/ofd",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".zip"] = "application/zip",
        [".rar"] = "application/vnd.rar",
        [".txt"] = "text/plain; charset=utf-8",
    };

    /// <summary>The type an attachment is stored and served with, named by its extension.</summary>
    public static string AttachmentContentType(string fileName) =>
        AttachmentTypes.GetValueOrDefault(Path.GetExtension(fileName), "application/octet-stream");

    /// <summary>An attachment's file name (without any path the browser sent) and size; returns the name to store.</summary>
    public static string ValidateAttachment(string? fileName, long length, FieldErrors errors)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        if (name.Length == 0)
        {
            errors.Add("file", "请选择要上传的附件");
        }
        else if (name.Length > ContractAttachment.FileNameMax)
        {
            errors.Add("file", $"文件名不能超过{ContractAttachment.FileNameMax}个字符");
        }
        else if (!AttachmentTypes.ContainsKey(Path.GetExtension(name)))
        {
            errors.Add("file", "附件类型应为 PDF、Word、Excel、WPS、OFD、图片、压缩包或文本文件");
        }
        if (length == 0)
        {
            errors.Add("file", "附件是空文件");
        }
        return name;
    }

    /// <summary>Today's date at the bureau (Asia/Shanghai), which dates registrations and sets the number's year.</summary>
    public static DateOnly LocalDate(DateTime utcNow)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), ChinaTime.Zone);
        return DateOnly.FromDateTime(local);
    }
}

/// <summary>Asia/Shanghai without depending on the host's tz database name (fixed UTC+8, no DST since 1991).</summary>
internal static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("China Standard Time (Kechuang)", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
}
