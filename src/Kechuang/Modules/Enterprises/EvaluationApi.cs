namespace Kechuang.Modules.Enterprises;

/// <summary>The official evaluation engines as an HTTP contract: pure calculations, nothing is stored.</summary>
public static class EvaluationApi
{
    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/evaluations").RequireAuthorization().WithTags("企业评价");
        api.MapPost("/tech-sme", (EvaluateTechSmeRequest request) => TypedResults.Ok(EvaluateTechSme.Handle(request)))
            .WithName("EvaluateTechSme")
            .WithSummary("科技型中小企业评价（国科发政〔2017〕115号，国科火字〔2022〕67号）");
        api.MapPost("/high-tech", (EvaluateHighTechRequest request) => TypedResults.Ok(EvaluateHighTech.Handle(request)))
            .WithName("EvaluateHighTech")
            .WithSummary("高新技术企业认定条件与创新能力评价（国科发火〔2016〕32号，国科发火〔2016〕195号）");
        return app;
    }
}
