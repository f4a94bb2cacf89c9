-- A task's description, as Lambda's CreateFunction and UpdateFunctionConfiguration give it (at
-- most 256 characters there). Kept on the task, not frozen per version. Portable SQL.

alter table task add column description varchar(256);
