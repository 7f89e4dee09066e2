-- Entries the system writes on its own (a department group following the directory) have no sender.
alter table messages alter column sender_id drop not null;
