-- The alias a call named, beside the version that ran, so a canary's calls can be told apart.
alter table invocation add column alias_name varchar(128);
