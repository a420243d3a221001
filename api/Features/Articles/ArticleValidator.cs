using FluentValidation;
using Vivapolis.Api.Content;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Articles;

namespace Vivapolis.Api.Features.Articles;

public sealed class ArticleValidator : AbstractValidator<ArticleContent>
{
    public ArticleValidator()
    {
        this.ItemRules();
        RuleFor(x => x.Title).Title();
        RuleFor(x => x.Standfirst).MaximumLength(1000);
        RuleFor(x => x.Body).MaximumLength(200_000);
        RuleFor(x => x.Rubric).MaximumLength(100);
        RuleFor(x => x.Authors).ShortList(20, 120);
        RuleFor(x => x.Tags).ShortList(30, 60);
        RuleFor(x => x.Themes).KnownThemes();
        RuleFor(x => x.RelatedFiches).Must(l => l.Count <= 50);
        RuleFor(x => x.RelatedEvents).Must(l => l.Count <= 50);
        RuleFor(x => x.Interviewee!.Name).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 120)
            .When(x => x.Interviewee is not null)
            .WithMessage(_ => Text.Of("Indiquez le nom de la personne interviewée (120 caractères au plus).",
                                      "Give the interviewee's name (120 characters at most)."));
        RuleFor(x => x.Interviewee!.Role).MaximumLength(200).When(x => x.Interviewee is not null);
        RuleFor(x => x.Interviewee!.Organisation).MaximumLength(200).When(x => x.Interviewee is not null);
        this.CoverAndSeo(x => x.Cover, x => x.Seo);
    }
}
