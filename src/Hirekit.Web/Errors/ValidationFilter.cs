using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Errors;

/// <summary>
/// Checks the DataAnnotations (shape rules) of every request-body argument before the handler
/// runs, and answers 400 with the fields at fault. Business rules stay in the use cases.
/// </summary>
public static class ValidationFilter
{
    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        var validated = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (parameter, index))
            .Where(p => p.parameter.GetCustomAttribute<FromBodyAttribute>() is not null || HasAnnotations(p.parameter.ParameterType))
            .Select(p => p.index)
            .ToArray();
        if (validated.Length == 0)
        {
            return next;
        }

        return async invocation =>
        {
            Dictionary<string, string[]>? errors = null;
            foreach (var index in validated)
            {
                if (invocation.Arguments[index] is not { } argument)
                {
                    continue;
                }

                var results = new List<ValidationResult>();
                if (!Validator.TryValidateObject(argument, new ValidationContext(argument), results, validateAllProperties: true))
                {
                    errors ??= [];
                    foreach (var result in results)
                    {
                        foreach (var member in result.MemberNames.DefaultIfEmpty(""))
                        {
                            var key = JsonNamingPolicy.CamelCase.ConvertName(member);
                            errors[key] = [.. errors.GetValueOrDefault(key) ?? [], result.ErrorMessage ?? "Invalid value."];
                        }
                    }
                }
            }

            if (errors is null)
            {
                return await next(invocation);
            }

            var problem = new HttpValidationProblemDetails(errors) { Status = 400, Title = Problems.TitleOf(400), Detail = "Some fields are missing or invalid." };
            problem.Extensions["code"] = "request.invalid";
            return TypedResults.Problem(problem);
        };
    }

    private static bool HasAnnotations(Type type) =>
        type.IsClass && type != typeof(string) && type.GetProperties().Any(p => p.GetCustomAttributes<ValidationAttribute>().Any());
}
