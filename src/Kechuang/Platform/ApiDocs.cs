using Scalar.AspNetCore;

namespace Kechuang.Platform;

/// <summary>
/// The HTTP contract at <c>/openapi/v1.json</c> and its reference page at <c>/scalar</c>, whose assets are served
/// locally (no external fonts). Where an endpoint is mapped it gets its operationId (<c>.WithName</c>), its
/// Chinese summary (<c>.WithSummary</c>) and the problems only its handler knows about (<c>.ProducesProblem</c>:
/// 409 for a broken business rule, 423 for a locked account). What follows from the kind of endpoint (sign-in
/// required, parameters, a record in the route, an upload) is added for every operation by
/// <see cref="ApiOperationTransformer"/>; the title, the bearer scheme and the tag descriptions by
/// <see cref="ApiDocumentTransformer"/>.
/// </summary>
public static class ApiDocs
{
    public const string BearerScheme = "bearer";

    /// <summary>What each tag (one per module's API group) covers, shown on the reference page.</summary>
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["账号与认证"] = "以用户名和密码换取访问令牌、修改密码、查看当前账号。连续5次密码错误锁定账号30分钟。",
        ["账号管理"] = "市科技局管理员创建、修改、停用和解锁账号，重置密码，导出账号清单。",
        ["审计日志"] = "只追加、哈希链式的操作日志：谁在何时改了哪条记录、改前改后；管理员查询、导出并校验链条完整。",
        ["组织与人员"] = "企业、高校院所等组织名录和人员名录，以及行政区划（GB/T 2260）。企业和院所账号只能维护本单位。",
        ["指标与目标"] = "指标目录、指标数值与月度走势，各地区年度目标及完成情况；数值均由记录计算得出。限科技局工作人员。",
        ["技术合同登记"] = "技术合同的填报、提交、审核、登记、退回补正与不予登记，合同附件，批量导入与导出。",
        ["企业评价"] = "按官方文件计算科技型中小企业评价和高新技术企业认定条件，只计算，不保存任何记录。",
        ["企业培育"] = "企业培育档案、年度经营数据、资质、研发机构、知识产权、产业化备案和奖项提名。",
        ["梯次培育"] = "用两套评价引擎筛查辖区企业，分入科技型中小企业和高新技术企业培育库，统计培育漏斗。",
        ["成果交易"] = "科技成果挂牌、拍卖会、标的、竞买人与出价。已挂牌的成果、拍卖会、标的出价和已发布的结果公开，无需登录。",
        ["创新载体"] = "孵化器、众创空间等创新载体及其入驻企业，园区科技型中小企业名单。",
        ["科技特派员"] = "科技特派员派驻、需求摸底、特派员项目和服务记录（培训、引种、推广面积、结对走访、技术帮扶及其确认码），年度考核评分按服务记录计算。",
        ["技术转移"] = "技术转移中心（工作站）及其年度考核和经费兑现，对接活动与专家对接人次，企业技术和人才需求，校企合作，院县科技合作项目，重点实验室和产业研究院。",
        ["人才工作"] = "高层次人才项目申报与评审结果，百博入企博士库、企业博士需求与推荐上报，引进博士及以上人才。",
        ["活动与宣传"] = "主题活动及其媒体报道，报道篇数和报道媒体数。",
        ["科技计划"] = "申报通知（指南），项目申报、形式审查、专家评审（回避、去掉最高分和最低分）与排序，推荐上报和推荐函，立项公示与异议，任务书、中期检查、延期、验收和绩效评价。",
        ["匹配推荐"] = "按需求匹配科技成果、专家和博士（及反向匹配开放需求），附匹配理由；员工反馈有用或无用；同义词和领域词典。",
        ["建议办理"] = "人大代表建议的登记、交办（主办、会办）、签收、延期、会办意见、面商、答复、代表反馈（不满意则重新办理）和办理结果公开。",
    };

    public static IServiceCollection AddApiDocs(this IServiceCollection services) => services
        .AddHttpContextAccessor()
        .AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ApiDocumentTransformer>();
            o.AddOperationTransformer<ApiOperationTransformer>();
            o.AddSchemaTransformer(DatesAsStrings);
        });

    // The API reads dates through its own converters (InputJson holds them to plausible years), and a schema is
    // not inferred through a custom converter: say again what the default converters write.
    private static Task DatesAsStrings(Microsoft.OpenApi.OpenApiSchema schema, Microsoft.AspNetCore.OpenApi.OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.JsonTypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type == typeof(DateTime) || type == typeof(DateOnly))
        {
            schema.Type = declared == type ? Microsoft.OpenApi.JsonSchemaType.String : Microsoft.OpenApi.JsonSchemaType.String | Microsoft.OpenApi.JsonSchemaType.Null;
            schema.Format = type == typeof(DateOnly) ? "date" : "date-time";
        }
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        // Published: the contract holds no records, and a script's author reads it before holding a token.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.WithTitle("科创 Kechuang API").DisableDefaultFonts().DisableTelemetry().AddPreferredSecuritySchemes(BearerScheme))
            .AllowAnonymous();
        return app;
    }
}
