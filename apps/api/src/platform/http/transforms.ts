/**
 * class-transformer helpers shared by the DTOs, used as `@Transform(trim)`.
 *
 * Trims a string before validation, so "  " fails @IsNotEmpty and a name is stored without the
 * spaces a paste brings along; anything else passes through for the validators to judge.
 */
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
