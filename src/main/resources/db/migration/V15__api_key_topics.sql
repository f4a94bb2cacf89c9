-- MQTT topic filters an API key may publish to and subscribe to on the coordinator's broker, one
-- filter a line. Empty for every key made before: such keys may do nothing on MQTT (admin keys
-- may do everything whatever these say).
alter table api_key add column publish_topics varchar(4096) default '' not null;
alter table api_key add column subscribe_topics varchar(4096) default '' not null;
