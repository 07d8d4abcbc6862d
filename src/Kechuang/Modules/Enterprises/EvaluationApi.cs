using Kechuang.Platform.Access;

namespace Kechuang.Modules.Enterprises;

/// <summary>The official evaluation engines as an HTTP contract: pure calculations, nothing is stored.</summary>
public static class EvaluationApi
{
    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/evaluations").RequireAuthorization().WithTags("企业评价");
        // Pure calculations without a handler: the permission is checked here, before the request is evaluated.
        api.MapPost("/tech-sme", (EvaluateTechSmeRequest request, CurrentUser user) =>
        {
            user.Demand(EnterprisesPermissions.Evaluate);
            return TypedResults.Ok(EvaluateTechSme.Handle(request));
        })
            .WithPermission(EnterprisesPermissions.Evaluate)
            .WithName("EvaluateTechSme")
            .WithSummary("科技型中小企业评价（国科发政〔2017〕115号，国科火字〔2022〕67号）");
        api.MapPost("/high-tech", (EvaluateHighTechRequest request, CurrentUser user) =>
        {
            user.Demand(EnterprisesPermissions.Evaluate);
            return TypedResults.Ok(EvaluateHighTech.Handle(request));
        })
            .WithPermission(EnterprisesPermissions.Evaluate)
            .WithName("EvaluateHighTech")
            .WithSummary("高新技术企业认定条件与创新能力评价（国科发火〔2016〕32号，国科发火〔2016〕195号）");
        return app;
    }
}
