import * as React from "react";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

type FieldControlProps = {
  id?: string;
  "aria-invalid"?: React.AriaAttributes["aria-invalid"];
  "aria-describedby"?: string;
};

type FormFieldProps = {
  id: string;
  label: React.ReactNode;
  error?: string | string[];
  description?: React.ReactNode;
  children: React.ReactElement<FieldControlProps>;
  className?: string;
};

function FormField({ id, label, error, description, children, className }: FormFieldProps) {
  const messages = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const hasError = messages.length > 0;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = hasError ? `${id}-error` : undefined;

  const control = React.Children.only(children);
  const describedBy =
    [control.props["aria-describedby"], descriptionId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div data-slot="form-field" data-invalid={hasError || undefined} className={cn("grid gap-2", className)}>
      <Label htmlFor={id} className={cn(hasError && "text-destructive")}>
        {label}
      </Label>
      {React.cloneElement(control, {
        id,
        "aria-invalid": hasError || control.props["aria-invalid"] || undefined,
        "aria-describedby": describedBy,
      })}
      {description ? (
        <p id={descriptionId} data-slot="form-field-description" className="text-sm text-muted-foreground">
          {description}
        </p>
      ) : null}
      {hasError ? (
        <p
          id={errorId}
          role="alert"
          data-slot="form-field-error"
          className="text-sm font-medium text-destructive"
        >
          {messages.map((message, index) => (
            <span key={`${index}-${message}`} className="block">
              {message}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

export { FormField, type FormFieldProps };
