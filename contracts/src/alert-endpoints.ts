import {
  alertLogErrors,
  alertLogResponseSchema,
  alertRulesErrors,
  alertRulesSchema,
  setAlertRulesErrors,
  setSlackTargetBodySchema,
  setSlackTargetErrors,
  slackTargetErrors,
  slackTargetViewSchema,
} from './alerts'
import { endpoint } from './endpoint'

/** Settings → Alerts: what each member wants to be told, where the workspace's alerts go, and what was sent. */
export const alertsApi = {
  getRules: endpoint({
    method: 'GET',
    path: '/api/v1/alerts/rules',
    auth: 'session',
    // A member's own choice, open to every role.
    permission: 'account:self',
    response: alertRulesSchema,
    errors: alertRulesErrors,
  }),
  setRules: endpoint({
    method: 'PUT',
    path: '/api/v1/alerts/rules',
    auth: 'session',
    permission: 'account:self',
    body: alertRulesSchema,
    response: alertRulesSchema,
    errors: setAlertRulesErrors,
  }),
  getSlack: endpoint({
    method: 'GET',
    path: '/api/v1/alerts/slack',
    auth: 'session',
    permission: 'churn:configure',
    response: slackTargetViewSchema,
    errors: slackTargetErrors,
  }),
  setSlack: endpoint({
    method: 'PUT',
    path: '/api/v1/alerts/slack',
    auth: 'session',
    permission: 'churn:configure',
    body: setSlackTargetBodySchema,
    response: slackTargetViewSchema,
    errors: setSlackTargetErrors,
  }),
  /** The workspace's latest alerts, newest first. */
  log: endpoint({
    method: 'GET',
    path: '/api/v1/alerts/log',
    auth: 'session',
    permission: 'data:read',
    response: alertLogResponseSchema,
    errors: alertLogErrors,
  }),
}
