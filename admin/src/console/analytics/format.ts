// Numbers the Russian way («45,5 %», «1 391,25»): the same as the public report's (one module for both).
export { countWithShare, formatNumber, formatShare, questionnaires, regionsCount } from '../../../../api/src/services/analyticsReport.ts';
