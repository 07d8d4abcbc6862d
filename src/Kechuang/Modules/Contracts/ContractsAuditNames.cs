using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Contracts;

/// <summary>The audit log's names for the contract tables and the fields of their records.</summary>
internal sealed class ContractsAuditNames : IAuditVocabulary
{
    public int Order => 200;

    public IReadOnlyList<KeyValuePair<string, string>> Entities { get; } =
    [
        new("contracts_contract", "技术合同"),
        new("contracts_transition", "合同办理记录"),
        new("contracts_import", "合同导入批次"),
        new("contracts_attachment", "合同附件"),
        new("contracts_registration_point", "合同登记点"),
    ];

    public IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Title"] = "合同名称",
        ["Type"] = "合同类型",
        ["TransferKind"] = "技术转让类别",
        ["SellerId"] = "卖方",
        ["BuyerId"] = "买方",
        ["SignDate"] = "签订日期",
        ["AmountFen"] = "成交额（分）",
        ["TransactionAmountFen"] = "技术交易额（分）",
        ["SubmittedOn"] = "提交日期",
        ["RefusalReason"] = "不予登记理由",
        ["ValidFrom"] = "有效期自",
        ["ValidTo"] = "有效期至",
        ["SellerCountry"] = "卖方国别（地区）",
        ["SellerDivision"] = "卖方行政区划代码",
        ["SellerNature"] = "卖方性质",
        ["BuyerCountry"] = "买方国别（地区）",
        ["BuyerDivision"] = "买方行政区划代码",
        ["BuyerNature"] = "买方性质",
        ["TechField"] = "技术领域",
        ["SocioEconomicGoal"] = "社会经济目标",
        ["IpType"] = "知识产权类型",
        ["PlanCategory"] = "计划类别",
        ["ExpectedInvestmentFen"] = "预计新增投入（分）",
        ["ExpectedOutputFen"] = "预计新增产值（分）",
        ["Version"] = "版本",
        ["Status"] = "办理状态",
        ["RegistrationNumber"] = "登记号",
        ["RegisteredOn"] = "登记日期",
        ["ReviewNote"] = "审核意见",
        ["CityCode"] = "市代码",
        ["Code"] = "登记点编号",
        ["Name"] = "名称",
        ["Active"] = "登记中",
    };
}
